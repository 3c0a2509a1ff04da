"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/next-auth.server";
import { signInSchema } from "@/lib/auth/sign-in-schema";
import { safeReturnPath, type FormResult } from "@/lib/form-result";
import { fieldErrorsOf } from "@/lib/validation";

const INVALID = "Adresse e-mail ou mot de passe incorrect.";
const RATE_LIMITED = "Trop de tentatives de connexion. Patientez 15 minutes avant de réessayer.";

export async function signInAction(values: unknown, returnTo: unknown): Promise<FormResult> {
  const parsed = signInSchema.safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await signIn("credentials", { ...parsed.data, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return { ok: false, fieldErrors: {}, formError: error.code === "rate_limited" ? RATE_LIMITED : INVALID };
    }
    if (error instanceof AuthError) return { ok: false, fieldErrors: {}, formError: INVALID };
    throw error;
  }
  redirect(safeReturnPath(returnTo) ?? "/espace");
}
