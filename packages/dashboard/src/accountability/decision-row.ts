export interface DecisionRow {
  id: string;
  number: string | null;
  /** «Протокол № 3, поручение 2» */
  reference: string;
  text: string;
  dueDate: string;
  status: string;
  doneOn: string | null;
  daysLate: number;
  doneLate: boolean;
  reports: {
    id: string;
    reportedOn: string;
    text: string;
    authorName: string;
    agency: { name: string };
    evidence: { id: string; displayName: string }[];
  }[];
}
