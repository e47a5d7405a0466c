import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { readHint, readPasswordPending } from "./auth.tsx";
import { startFirstPage } from "./prefetch.ts";
import "./styles.css";

// Before React renders: the first page's chunk and data start downloading now (prefetch.ts).
if (!readPasswordPending()) startFirstPage(readHint());
const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
