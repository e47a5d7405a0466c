// Accounts: signing in and out, passwords, roles.
// Merged into the app's dictionary (i18n.ts) with one spread per language. The keys have no
// prefix (they predate the split), so a new key must not repeat one of another file.
// `accountsEn` must have every key of `accountsVi`.

export const accountsVi = {
  signIn: "Đăng nhập",
  signInHeading: "Đăng nhập",
  signingIn: "Đang đăng nhập…",
  signInWait: "Vui lòng chờ {s} giây rồi đăng nhập lại.",
  signInToContinue: "Vui lòng đăng nhập để tiếp tục.",
  signedInAs: "Bạn đang đăng nhập với tên {name}.",
  continue: "Tiếp tục",
  signOut: "Đăng xuất",
  accountMenu: "Tài khoản: {name}",
  username: "Tên đăng nhập",
  password: "Mật khẩu",
  changePassword: "Đổi mật khẩu",
  currentPassword: "Mật khẩu hiện tại",
  newPassword: "Mật khẩu mới",
  newPasswordAgain: "Nhập lại mật khẩu mới",
  passwordRule: "Ít nhất {n} ký tự, khác tên đăng nhập.",
  passwordTooShort: "Mật khẩu mới phải có ít nhất {n} ký tự.",
  passwordMismatch: "Hai lần nhập mật khẩu mới không khớp.",
  passwordChanged: "Đã đổi mật khẩu.",
  mustChangePassword: "Bạn cần đổi mật khẩu trước khi tiếp tục.",
  noAgency: "(không thuộc đơn vị)",
  "role.administrator": "Quản trị hệ thống",
  "role.coordinator": "Điều phối",
  "role.leader": "Lãnh đạo đơn vị",
  "role.reporter": "Cán bộ báo cáo",
  "role.viewer": "Theo dõi (chỉ xem)",
};

export type AccountsMessageKey = keyof typeof accountsVi;

export const accountsEn: Record<AccountsMessageKey, string> = {
  signIn: "Sign in",
  signInHeading: "Sign in",
  signingIn: "Signing in…",
  signInWait: "Please wait {s} seconds before signing in again.",
  signInToContinue: "Please sign in to continue.",
  signedInAs: "You are signed in as {name}.",
  continue: "Continue",
  signOut: "Sign out",
  accountMenu: "Account: {name}",
  username: "Username",
  password: "Password",
  changePassword: "Change password",
  currentPassword: "Current password",
  newPassword: "New password",
  newPasswordAgain: "New password again",
  passwordRule: "At least {n} characters, not the username.",
  passwordTooShort: "The new password needs at least {n} characters.",
  passwordMismatch: "The two new passwords differ.",
  passwordChanged: "Your password has been changed.",
  mustChangePassword: "Please change your password before you go on.",
  noAgency: "(no agency)",
  "role.administrator": "Administrator",
  "role.coordinator": "Coordinator",
  "role.leader": "Agency leader",
  "role.reporter": "Reporter",
  "role.viewer": "Viewer (read only)",
};
