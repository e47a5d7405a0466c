// Every UI string, in Vietnamese (the default) and English. `en` must have every key of `vi`.
// The core (app name, navigation, errors, common words) is here; each area's strings live in
// their own i18n-*.ts file, merged below with one spread per language.
// "{name}" marks a value filled in by t(key, { name }).

import { accountsEn, accountsVi } from "./i18n-accounts.ts";
import { adminEn, adminVi } from "./i18n-admin.ts";
import { agenciesEn, agenciesVi } from "./i18n-agencies.ts";
import { dashboardEn, dashboardVi } from "./i18n-dashboard.ts";
import { documentsEn, documentsVi } from "./i18n-documents.ts";
import { handoffsEn, handoffsVi } from "./i18n-handoffs.ts";
import { myWorkEn, myWorkVi } from "./i18n-my-work.ts";
import { plansEn, plansVi } from "./i18n-plans.ts";
import { projectsEn, projectsVi } from "./i18n-projects.ts";
import { reportFormEn, reportFormVi } from "./i18n-report-form.ts";
import { reportIndicatorsEn, reportIndicatorsVi } from "./i18n-report-indicators.ts";
import { reportingEn, reportingVi } from "./i18n-reporting.ts";
import { statusEn, statusVi } from "./i18n-status.ts";
import { targetDataEn, targetDataVi } from "./i18n-target-data.ts";
import { targetsEn, targetsVi } from "./i18n-targets.ts";

export type Lang = "vi" | "en";

const vi = {
  ...adminVi,
  ...documentsVi,
  ...reportIndicatorsVi,
  ...projectsVi,
  ...targetsVi,
  ...targetDataVi,
  ...plansVi,
  ...agenciesVi,
  ...accountsVi,
  ...myWorkVi,
  ...handoffsVi,
  ...reportFormVi,
  ...reportingVi,
  ...statusVi,
  ...dashboardVi,
  appName: "Theo dõi kế hoạch",
  langToggle: "English",
  navPlans: "Kế hoạch",
  navAgencies: "Cơ quan, đơn vị",
  navMyWork: "Việc của tôi",
  navReporting: "Báo cáo định kỳ",
  loading: "Đang tải…",
  errorTitle: "Có lỗi xảy ra",
  errorCode: "Mã lỗi",
  notFound: "Không tìm thấy trang này.",
  backHome: "Về trang chủ",
  footerDb: "Cơ sở dữ liệu: {db}",
  footerApiDown: "Máy chủ chưa sẵn sàng",

  none: "—",
  close: "Đóng",
  cancel: "Hủy",
  yes: "Có",
  no: "Không",
  today: "Hôm nay",
  savedOk: "Đã lưu.",
  saving: "Đang lưu…",
};

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  ...adminEn,
  ...documentsEn,
  ...reportIndicatorsEn,
  ...projectsEn,
  ...targetsEn,
  ...targetDataEn,
  ...plansEn,
  ...agenciesEn,
  ...accountsEn,
  ...myWorkEn,
  ...handoffsEn,
  ...reportFormEn,
  ...reportingEn,
  ...statusEn,
  ...dashboardEn,
  appName: "Plan tracker",
  langToggle: "Tiếng Việt",
  navPlans: "Plans",
  navAgencies: "Agencies",
  navMyWork: "My work",
  navReporting: "Periodic reports",
  loading: "Loading…",
  errorTitle: "Something went wrong",
  errorCode: "Error code",
  notFound: "This page does not exist.",
  backHome: "Back to the start page",
  footerDb: "Database: {db}",
  footerApiDown: "The server is not ready",

  none: "—",
  close: "Close",
  cancel: "Cancel",
  yes: "Yes",
  no: "No",
  today: "Today",
  savedOk: "Saved.",
  saving: "Saving…",
};

export const messages: Record<Lang, Record<MessageKey, string>> = { vi, en };

/** Looks up `key` in `lang` and fills "{name}" slots from `vars`. */
export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  // Unknown keys (a new enum value from the server) show as themselves.
  const text = messages[lang][key] ?? String(key);
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** For keys built at run time ("kind." + kind): falls back to the raw value when unknown. */
export function isMessageKey(key: string): key is MessageKey {
  return key in vi;
}
