// Set <html lang> before the first paint, from the saved choice. A file, not an inline script:
// the Content-Security-Policy (src/server/security-headers.ts) allows no inline script.
try {
  if (localStorage.getItem("kehoach.lang") === "en") document.documentElement.lang = "en";
} catch {}
