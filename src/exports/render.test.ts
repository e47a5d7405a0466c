import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { AppError } from "../domain/errors.ts";
import type { DocumentFormat } from "../domain/official-document.ts";
import { renderDocument } from "./render.ts";
import { sampleReport } from "./sample-document.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("renderDocument", () => {
  it("dispatches to each writer by format", async () => {
    const doc = sampleReport();
    const docx = await renderDocument(doc, "docx");
    const pdf = await renderDocument(doc, "pdf");
    const xlsx = await renderDocument(doc, "xlsx");
    expect(Buffer.from(docx.subarray(0, 2)).toString()).toBe("PK");
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe("%PDF-");
    expect(Buffer.from(xlsx.subarray(0, 2)).toString()).toBe("PK");
    expect(sha(docx)).not.toBe(sha(xlsx));
  });

  it("refuses an unknown format", async () => {
    const err = await renderDocument(sampleReport(), "odt" as DocumentFormat).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("VALIDATION");
  });

  it("gives the same bytes in another process (no process-global ids or clocks)", async () => {
    const script = `
      import { createHash } from "node:crypto";
      import { renderDocument } from ${JSON.stringify(path.join(here, "render.ts"))};
      import { sampleReport } from ${JSON.stringify(path.join(here, "sample-document.ts"))};
      const out = {};
      for (const f of ["docx", "pdf", "xlsx"]) out[f] = createHash("sha256").update(await renderDocument(sampleReport(), f)).digest("hex");
      console.log(JSON.stringify(out));`;
    const child = JSON.parse(
      execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
        encoding: "utf8",
        env: { ...process.env, TZ: "America/New_York" }, // another time zone must not move a byte
      }),
    ) as Record<string, string>;
    // Render twice here first, so any id counter in this process has moved on.
    await renderDocument(sampleReport(), "docx");
    for (const f of ["docx", "pdf", "xlsx"] as const) {
      expect(sha(await renderDocument(sampleReport(), f)), f).toBe(child[f]);
    }
  }, 120_000);
});
