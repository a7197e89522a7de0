// Placeholder until this screen lands (issue 3); replaced wholesale.
export function KeyResultPage() {
  return <p>This screen is being built.</p>;
}
