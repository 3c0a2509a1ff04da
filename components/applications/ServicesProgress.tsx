import Link from "next/link";
import type { ServiceProgress } from "@/lib/applications/service-progress";
import { ofWord } from "@/lib/vocabulary";

/**
 * The editor's home: each service, where it stands and its one next step (or what it waits for). Without a service
 * yet, the first step is to declare one.
 */
export function ServicesProgress({
  headingId,
  organizationName,
  services,
  newServiceHref,
  servicesHref,
}: {
  headingId: string;
  /** Shown in the heading when the person belongs to several organisations. */
  organizationName: string | null;
  services: readonly ServiceProgress[];
  newServiceHref: string;
  servicesHref: string;
}) {
  return (
    <section aria-labelledby={headingId} className="mb-8">
      <h2 id={headingId} className="text-2xl font-bold">
        {organizationName ? `Où en sont les services ${ofWord(organizationName)}` : "Où en sont vos services"}
      </h2>
      {services.length === 0 ? (
        <div className="mt-4 border-l-4 border-primary bg-primary-light p-4">
          <p className="font-bold">Aucun service numérique déclaré</p>
          <p className="mt-1">
            Prochaine étape : <Link href={newServiceHref}>déclarer votre premier service numérique</Link>, avec sa finalité et le profil d&apos;accès
            demandé.
          </p>
        </div>
      ) : (
        <ul className="mt-4 space-y-4">
          {services.map((service) => (
            <li key={service.serviceId}>
              <article aria-labelledby={`avancement-${service.serviceId}`} className="border border-grey-200 p-4">
                <h3 id={`avancement-${service.serviceId}`} className="text-xl font-bold">
                  <Link href={`/editeur/services/${encodeURIComponent(service.serviceId)}`}>{service.serviceName}</Link>
                </h3>
                <p className="mt-1">
                  <span className="font-semibold">Où il en est :</span> {service.stage}.
                </p>
                {service.next ? (
                  <p className="mt-2 border-l-4 border-primary pl-3">
                    <span className="font-semibold">Prochaine étape :</span> {service.next.text}{" "}
                    <Link href={service.next.href} className="font-medium">
                      {service.next.linkLabel}
                      <span className="sr-only"> ({service.serviceName})</span>
                    </Link>
                  </p>
                ) : (
                  <p className="mt-2 text-grey-800">{service.waiting}</p>
                )}
              </article>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-4">
        <Link href={servicesHref} className="font-medium">
          Services numériques
        </Link>
      </p>
    </section>
  );
}
