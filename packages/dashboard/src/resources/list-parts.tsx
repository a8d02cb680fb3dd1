import { ListActions } from '../export/ListActions';

export const noBulk = { bulkActionButtons: false as const };

/**
 * Lists of records about a person: no "create" here, a record is made from the person's card
 * (the form needs the person).
 */
export function PersonRecordListActions() {
  return <ListActions create={false} />;
}
