import "server-only";
import { parseEnv, type Env } from "./env";

let cached: Env | undefined;

/** The validated environment; throws one readable message naming every bad variable. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
