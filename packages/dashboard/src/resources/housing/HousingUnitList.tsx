import { LinearProgress } from '@mui/material';
import { Datagrid, List, NumberField, TextField, TextInput, useRecordContext } from 'react-admin';
import { ListActions } from '../../export/ListActions';
import { ENUMS, EnumInput, EnumText } from '../common';
import { noBulk } from '../list-parts';

function Occupancy() {
  const record = useRecordContext<{ id: string; places: number; occupiedPlaces: number }>();
  if (!record) return null;
  const share = record.places > 0 ? Math.round((record.occupiedPlaces / record.places) * 100) : 0;
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8, minWidth: 160 }}>
      <LinearProgress
        variant="determinate"
        value={Math.min(share, 100)}
        sx={{ flex: 1, height: 8 }}
        aria-label={`${record.occupiedPlaces} / ${record.places}`}
      />
      <span>
        {record.occupiedPlaces} / {record.places}
      </span>
    </span>
  );
}

export function HousingUnitList() {
  return (
    <List
      exporter={false}
      actions={<ListActions />}
      filters={[
        <TextInput key="m" source="municipality" alwaysOn />,
        <EnumInput key="k" source="kind" enumName="HousingKind" values={ENUMS.HousingKind} />,
      ]}
    >
      <Datagrid {...noBulk} rowClick={false}>
        <TextField source="address" sortable={false} />
        <EnumText
          source="kind"
          enumName="HousingKind"
          sortable={false}
          label="resources.housingUnits.fields.kind"
        />
        <TextField source="municipality" sortable={false} />
        <TextField
          source="operator.shortName"
          label="resources.housingUnits.fields.operator"
          sortable={false}
          emptyText="—"
        />
        <Occupancy />
        <NumberField source="freePlaces" sortable={false} />
      </Datagrid>
    </List>
  );
}
