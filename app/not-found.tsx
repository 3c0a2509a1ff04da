import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="text-3xl font-bold">Page introuvable</h1>
      <p className="mt-4">La page que vous cherchez n&apos;existe pas ou a été déplacée.</p>
      <p className="mt-4">
        <Link href="/" className="text-primary underline">
          Revenir à l&apos;accueil
        </Link>
      </p>
    </div>
  );
}
