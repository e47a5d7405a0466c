/**
 * The messages between the request loop and a heavy-parsing worker. Errors cross the thread
 * boundary as plain data and become AppError again on the other side, so a refused file gives the
 * same 4xx answer whether it was parsed in a worker or in process.
 */
import { AppError, type ErrorCode, type FieldProblem } from "../../domain/errors.ts";

export interface JobMessage {
  id: number;
  kind: string;
  input: unknown;
}

export interface SerializedError {
  appError: boolean;
  code?: ErrorCode;
  message: string;
  messageVi?: string;
  fields?: FieldProblem[];
  details?: Record<string, unknown>;
}

export type ResultMessage =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: SerializedError };

export function serializeError(err: unknown): SerializedError {
  if (err instanceof AppError)
    return {
      appError: true,
      code: err.code,
      message: err.message,
      messageVi: err.messageVi,
      fields: err.fields,
      details: err.details,
    };
  return { appError: false, message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
}

export function deserializeError(e: SerializedError): Error {
  if (e.appError && e.code)
    return new AppError(
      e.code,
      { en: e.message, vi: e.messageVi ?? e.message },
      { fields: e.fields, details: e.details },
    );
  return new Error(`worker job failed: ${e.message}`);
}

/** In a worker: answers each job with its handler's result, or the error it threw. */
export async function serveJobs(handlers: Record<string, (input: never) => unknown>): Promise<void> {
  const { parentPort } = await import("node:worker_threads");
  if (!parentPort) throw new Error("serveJobs runs in a worker thread");
  const port = parentPort;
  port.on("message", async (m: JobMessage) => {
    let reply: ResultMessage;
    try {
      const handler = handlers[m.kind];
      if (!handler) throw new Error(`unknown job kind ${m.kind}`);
      reply = { id: m.id, ok: true, value: await handler(m.input as never) };
    } catch (err) {
      reply = { id: m.id, ok: false, error: serializeError(err) };
    }
    port.postMessage(reply);
  });
  // Loading the parsers (through tsx) takes a while: the pool starts a job's clock after this.
  port.postMessage({ ready: true });
}
