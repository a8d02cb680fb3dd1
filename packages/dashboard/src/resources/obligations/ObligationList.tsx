import { Datagrid, List, ShowButton, TextField } from 'react-admin';
import { ListActions } from '../../export/ListActions';
import { DateText, ENUMS, EnumInput, EnumText, LateBadge } from '../common';
import { noBulk } from '../list-parts';

/** Late obligations are highlighted (and say so in words, not by colour alone). */
export function ObligationList() {
  return (
    <List
      exporter={false}
      actions={<ListActions />}
      filters={[
        <EnumInput
          key="s"
          source="status"
          enumName="ObligationStatus"
          values={ENUMS.ObligationStatus}
          alwaysOn
        />,
      ]}
    >
      <Datagrid
        {...noBulk}
        rowClick="show"
        rowSx={(record) => (record.status === 'LATE' ? { backgroundColor: '#fdecea' } : {})}
      >
        <TextField
          source="item.number"
          label="resources.obligations.fields.number"
          sortable={false}
          emptyText="—"
        />
        <TextField source="item.measure" label="resources.obligations.fields.measure" sortable={false} />
        <TextField source="periodLabel" sortable={false} />
        <DateText source="dueDate" label="resources.obligations.fields.dueDate" />
        <EnumText
          source="status"
          enumName="ObligationStatus"
          label="resources.obligations.fields.status"
          sortable={false}
        />
        <LateBadge source="daysOverdue" label="resources.obligations.fields.daysOverdue" />
        <TextField
          source="responsibleAgency.name"
          label="resources.obligations.fields.responsibleAgency"
          sortable={false}
          emptyText="—"
        />
        <ShowButton />
      </Datagrid>
    </List>
  );
}
