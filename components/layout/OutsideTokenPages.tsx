"use client";

import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { isTokenPage } from "@/lib/auth/navigation";

/**
 * Shows its children everywhere but on the pages reached through a personal link (a client's signature, an
 * invitation), whose header is the portal's name alone. Client-side because the root layout does not know the path.
 */
export function OutsideTokenPages({ children }: { children: ReactNode }) {
  return isTokenPage(usePathname()) ? null : children;
}
