// Pure: where the application pages live (links in pages and e-mails).

export function editServicePath(serviceId: string): string {
  return `/editeur/services/${encodeURIComponent(serviceId)}/modifier`;
}

/** The editor's page of an application. */
export function editorApplicationPath(applicationId: string): string {
  return `/editeur/dossiers/${encodeURIComponent(applicationId)}`;
}

/** The reviewer's page of an application. */
export function reviewApplicationPath(applicationId: string): string {
  return `/instruction/dossiers/${encodeURIComponent(applicationId)}`;
}

/** The verification section of the editor's organisation page (issue 22). */
export function organizationVerificationPath(organizationId: string): string {
  return `/editeur/organisation?organisation=${organizationId}#verification`;
}

/** The reviewer's page of an organisation to verify (issue 22). */
export function reviewOrganizationPath(organizationId: string): string {
  return `/instruction/organisations/${organizationId}`;
}
