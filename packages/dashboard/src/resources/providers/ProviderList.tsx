import { Datagrid, List, TextField, TextInput } from 'react-admin';
import { ListActions } from '../../export/ListActions';
import { ENUMS, EnumInput, EnumText } from '../common';
import { noBulk } from '../list-parts';

/** Providers: the registry of social-service providers. */
export function ProviderList() {
  return (
    <List
      exporter={false}
      actions={<ListActions />}
      filters={[
        <TextInput key="m" source="municipality" alwaysOn />,
        <EnumInput key="f" source="form" enumName="ServiceForm" values={ENUMS.ServiceForm} />,
      ]}
    >
      <Datagrid rowClick="edit" {...noBulk}>
        <TextField source="shortName" sortable={false} />
        <TextField source="municipality" sortable={false} />
        <EnumText
          source="forms"
          enumName="ServiceForm"
          sortable={false}
          label="resources.providers.fields.forms"
        />
        <TextField source="phone" sortable={false} emptyText="—" />
      </Datagrid>
    </List>
  );
}
