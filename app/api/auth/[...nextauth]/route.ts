import { handlers } from "@/lib/auth/next-auth.server";

export const { GET, POST } = handlers;
