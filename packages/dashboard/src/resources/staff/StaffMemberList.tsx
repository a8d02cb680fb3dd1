import { Datagrid, List, TextField } from 'react-admin';
import { ListActions } from '../../export/ListActions';
import { EnumText } from '../common';
import { noBulk } from '../list-parts';

export function StaffMemberList() {
  return (
    <List exporter={false} actions={<ListActions />}>
      <Datagrid {...noBulk} rowClick={false}>
        <TextField source="fullName" sortable={false} />
        <EnumText
          source="role"
          enumName="StaffRole"
          label="resources.staffMembers.fields.role"
          sortable={false}
        />
        <TextField
          source="provider.shortName"
          label="resources.staffMembers.fields.provider"
          sortable={false}
        />
      </Datagrid>
    </List>
  );
}
