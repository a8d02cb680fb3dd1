/**
 * How a roadmap item and a Council decision are named wherever a person reads them (issue 20): an
 * item's number ("2.1.2") repeats across roadmaps, so it is always given with its roadmap; a
 * decision's number repeats across meetings, so it is always given with its protocol.
 */

const ruDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/**
 * «План мероприятий … на 2021–2024 годы», п. 2.1.2. Where the document restarts its numbering
 * inside an item (key «4.4/2.1»), the number alone repeats within the roadmap: the enclosing item
 * is named too («п. 2.1 (в п. 4.4)»).
 */
export function itemReference(roadmapTitle: string, number: string | null, key: string): string {
  const slash = key.lastIndexOf('/');
  const place =
    slash < 0 ? (number ?? key) : `${number ?? key.slice(slash + 1)} (в п. ${key.slice(0, slash)})`;
  return `${roadmapTitle}, п. ${place}`;
}

/** «Протокол № 3, поручение 2»; a meeting without a protocol number is named by its date. */
export function decisionReference(
  meeting: { protocolNumber: string | null; heldOn: string },
  number: string | null,
): string {
  const protocol = meeting.protocolNumber
    ? `Протокол № ${meeting.protocolNumber}`
    : `Заседание от ${ruDate(meeting.heldOn)}`;
  return `${protocol}, поручение ${number ?? 'без номера'}`;
}

/** The next number within a meeting: one more than the largest whole number given so far. */
export function nextDecisionNumber(taken: (string | null)[]): string {
  const whole = taken.map((n) => (n && /^\d+$/.test(n) ? Number(n) : 0));
  return String(Math.max(0, ...whole) + 1);
}
