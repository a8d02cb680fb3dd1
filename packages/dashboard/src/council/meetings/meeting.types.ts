export interface Decision {
  id: string;
  number: string | null;
  text: string;
  dueDate: string;
  status: string;
  doneOn: string | null;
  doneNote: string | null;
  overdue: boolean;
  daysLate: number;
  doneLate: boolean;
  meetingId: string;
  peopleCount: number | null;
  peopleNamed: number;
  /** Read by the secretariat's roles only (the registry asks for it by role). */
  people?: { id: string; fullName: string; snils: string }[];
  assignee: { id: string; name: string } | null;
  items: { id: string; number: string | null; measure: string; reference: string }[];
}
export interface Meeting {
  id: string;
  region: string;
  heldOn: string;
  agenda: string;
  attendees: string[];
  protocolNumber: string | null;
  protocol: string | null;
  decisions: Decision[];
}
