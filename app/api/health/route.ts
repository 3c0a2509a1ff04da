// The start script and the test harness wait on this one: the readiness check, under its historical address.
export const dynamic = "force-dynamic";
export { GET } from "./ready/route";
