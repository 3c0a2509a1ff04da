"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { FormNotice } from "@/components/forms/FormNotice";
import { NewPasswordFields } from "@/components/forms/NewPasswordFields";
import { useServerAction } from "@/components/forms/use-server-action";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { useNotify } from "@/components/ui/NoticeArea";
import { TextField } from "@/components/ui/TextField";
import { emailChangeSchema, passwordChangeSchema, renameSchema } from "@/lib/accounts/account-schema";
import { changePasswordAction, endOtherSessionsAction, endSessionAction, renameAction, requestEmailChangeAction } from "./actions";

function FormError({ title, message }: { title: string; message?: string }) {
  return message ? (
    <Alert variant="error" title={title} live>
      {message}
    </Alert>
  ) : null;
}

type NameValues = { name: string };

export function RenameForm({ name }: { name: string }) {
  const { register, handleSubmit, setError, setFocus, formState } = useForm<NameValues>({ resolver: zodResolver(renameSchema) as unknown as Resolver<NameValues>, defaultValues: { name } });
  const { formError, notice, pending, submit } = useServerAction<NameValues>(renameAction, { form: { setError, setFocus } });
  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="max-w-xl space-y-4">
      <FormNotice notice={notice} />
      <FormError title="Le nom n'a pas été modifié" message={formError} />
      <TextField id="name" label="Nom et prénom" autoComplete="name" required error={formState.errors.name?.message} {...register("name")} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Enregistrement…" : "Enregistrer le nom"}
      </Button>
    </form>
  );
}

type EmailValues = { email: string; currentPassword: string };

export function EmailChangeForm() {
  const { register, handleSubmit, setError, setFocus, formState, reset } = useForm<EmailValues>({
    resolver: zodResolver(emailChangeSchema) as unknown as Resolver<EmailValues>,
    defaultValues: { email: "", currentPassword: "" },
  });
  const { formError, notice, pending, submit } = useServerAction<EmailValues>(
    async (values) => {
      const result = await requestEmailChangeAction(values);
      if (result.ok) reset();
      return result;
    },
    { form: { setError, setFocus } },
  );
  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="max-w-xl space-y-4">
      <FormNotice notice={notice} />
      <FormError title="L'adresse n'a pas été modifiée" message={formError} />
      <TextField id="new-email" label="Nouvelle adresse e-mail" hint="Un lien de confirmation lui sera envoyé." type="email" autoComplete="email" required error={formState.errors.email?.message} {...register("email")} />
      <TextField id="email-current-password" label="Mot de passe actuel" type="password" autoComplete="current-password" required error={formState.errors.currentPassword?.message} {...register("currentPassword")} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Envoi…" : "Changer d'adresse"}
      </Button>
    </form>
  );
}

type PasswordValues = { currentPassword: string; password: string; passwordConfirmation: string };

export function PasswordChangeForm({ name, email }: { name: string; email: string }) {
  const { register, handleSubmit, setError, setFocus, formState, control, reset } = useForm<PasswordValues>({
    resolver: zodResolver(passwordChangeSchema) as unknown as Resolver<PasswordValues>,
    defaultValues: { currentPassword: "", password: "", passwordConfirmation: "" },
  });
  const [typedPassword] = useWatch({ control, name: ["password"] });
  const { formError, notice, pending, submit } = useServerAction<PasswordValues>(
    async (values) => {
      const result = await changePasswordAction(values);
      if (result.ok) reset();
      return result;
    },
    { form: { setError, setFocus } },
  );
  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="max-w-xl space-y-4">
      <FormNotice notice={notice} />
      <FormError title="Le mot de passe n'a pas été modifié" message={formError} />
      <input type="text" hidden name="username" autoComplete="username" value={email} readOnly />
      <TextField id="currentPassword" label="Mot de passe actuel" type="password" autoComplete="current-password" required error={formState.errors.currentPassword?.message} {...register("currentPassword")} />
      <NewPasswordFields
        label="Nouveau mot de passe"
        idPrefix="new-"
        password={register("password")}
        confirmation={register("passwordConfirmation")}
        errors={{ password: formState.errors.password?.message, passwordConfirmation: formState.errors.passwordConfirmation?.message }}
        value={typedPassword}
        userInputs={[name, email]}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Enregistrement…" : "Changer le mot de passe"}
      </Button>
    </form>
  );
}

/** Its row goes once the session ends: the outcome is announced in the page's notice area. */
export function EndSessionButton({ sessionId, browser }: { sessionId: string; browser: string }) {
  const notify = useNotify();
  const { formError, pending, submit } = useServerAction<string>(
    async (id) => {
      const result = await endSessionAction(id);
      if (result.ok) notify(result.message);
      return result.ok ? undefined : result;
    });
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit(sessionId);
      }}
    >
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        Se déconnecter de cette session<span className="sr-only"> ({browser})</span>
      </Button>
      {formError ? (
        <p role="alert" className="mt-1 text-sm font-semibold text-error">
          {formError}
        </p>
      ) : null}
    </form>
  );
}

export function EndOtherSessionsForm() {
  const { formError, notice, pending, submit } = useServerAction<void>(endOtherSessionsAction);
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <FormNotice notice={notice} />
      <FormError title="Les sessions n'ont pas été fermées" message={formError} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Déconnexion…" : "Se déconnecter partout ailleurs"}
      </Button>
    </form>
  );
}
