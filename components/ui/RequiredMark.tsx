/** The mention added to the label of a required field. */
export function RequiredMark() {
  return <span className="font-normal text-grey-600"> (obligatoire)</span>;
}
