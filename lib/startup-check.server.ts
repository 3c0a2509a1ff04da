import "server-only";
import { EnvError, parseEnv } from "./env";

try {
  parseEnv(process.env);
} catch (error) {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
}
