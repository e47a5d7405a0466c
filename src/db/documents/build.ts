/**
 * One entry point from "which document" to its model: the routes, the CLI and the finalised
 * copy all build through here, so a document made in the app and one made by
 * `kehoach document …` are the same document.
 */
import type { DocumentKind, OfficialDocument } from "../../domain/official-document.ts";
import type { Db } from "../connection.ts";
import { buildAnnex } from "./build-annex.ts";
import { buildPeriodicReport } from "./build-periodic.ts";
import { buildReview } from "./build-review.ts";
import { buildUrgingLetter } from "./build-urging.ts";

export interface BuildRequest {
  kind: DocumentKind;
  planId: number;
  /** A period label as the brief writes it: 2022-Q1, 2022-03, 2022-H1, 2022-9M, 2022; null for the review. */
  period: string | null;
  /** The day the document is made (Vietnamese date, ISO); decides "as of" and the date line of a draft. */
  today: string;
}

export async function buildDocument(db: Db, req: BuildRequest): Promise<OfficialDocument> {
  switch (req.kind) {
    case "periodic":
      return buildPeriodicReport(db, req);
    case "annex":
      return buildAnnex(db, req);
    case "urging":
      return buildUrgingLetter(db, req);
    case "review":
      return buildReview(db, req);
  }
}
