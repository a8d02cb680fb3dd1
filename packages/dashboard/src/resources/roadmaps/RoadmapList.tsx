import { Datagrid, List, NumberField, ShowButton, TextField } from 'react-admin';
import { ListActions } from '../../export/ListActions';
import { DateText } from '../common';
import { noBulk } from '../list-parts';

export function RoadmapList() {
  return (
    <List exporter={false} actions={<ListActions />}>
      <Datagrid {...noBulk} rowClick="show">
        <TextField source="title" sortable={false} />
        <TextField source="region" sortable={false} />
        <NumberField source="version" sortable={false} />
        <DateText source="importedAt" label="resources.roadmaps.fields.importedAt" />
        <ShowButton />
      </Datagrid>
    </List>
  );
}
