import { LinearProgress } from '@mui/material';
import {
  AutocompleteInput,
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
  DateInput,
  Edit,
  List,
  NullableBooleanInput,
  NumberField,
  NumberInput,
  ReferenceInput,
  required,
  ShowButton,
  SimpleForm,
  TextField,
  TextInput,
  useRecordContext,
} from 'react-admin';
import { ListActions } from '../export/ListActions';
import { DateText, ENUMS, EnumInput, EnumText, FullName, LateBadge } from './common';

const noBulk = { bulkActionButtons: false as const };

/**
 * Lists of records about a person: no "create" here, a record is made from the person's card
 * (the form needs the person).
 */
function PersonRecordListActions() {
  return <ListActions create={false} />;
}

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

function ProviderForm() {
  return (
    <SimpleForm>
      <TextInput source="name" validate={required()} fullWidth />
      <TextInput source="shortName" validate={required()} />
      <TextInput source="postalAddress" validate={required()} fullWidth />
      <TextInput source="municipality" validate={required()} />
      <TextInput source="phone" />
      <TextInput source="email" type="email" />
      <TextInput source="inn" />
    </SimpleForm>
  );
}

export const ProviderCreate = () => (
  <Create redirect="list" transform={(data: Record<string, unknown>) => ({ forms: [], ...data })}>
    <ProviderForm />
  </Create>
);
export const ProviderEdit = () => (
  <Edit mutationMode="pessimistic">
    <ProviderForm />
  </Edit>
);

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

/** What is due or late: decisions on applications (the application's deadline state), re-assessments, answers. */
export function DeadlineList() {
  return (
    <List
      exporter={false}
      actions={<ListActions />}
      filters={[
        <TextInput key="a" source="agency" alwaysOn />,
        <NumberInput key="h" source="horizonDays" min={0} />,
      ]}
    >
      <Datagrid {...noBulk} rowClick={(_id, _resource, record) => `/recipients/${record.recipientId}/show`}>
        <EnumText
          source="kind"
          enumName="DeadlineKind"
          sortable={false}
          label="resources.deadlines.fields.kind"
        />
        <FullName source="recipient" label="resources.deadlines.fields.recipient" />
        <DateText source="dueOn" label="resources.deadlines.fields.dueOn" />
        <LateBadge source="daysLate" label="resources.deadlines.fields.daysLate" />
        <TextField source="agency" sortable={false} emptyText="—" />
      </Datagrid>
    </List>
  );
}

/** All assessments of need, newest first; each row opens the person's card. */
export function AssessmentList() {
  return (
    <List
      exporter={false}
      actions={<PersonRecordListActions />}
      filters={[
        <EnumInput
          key="d"
          source="degree"
          enumName="AutonomyDegree"
          values={ENUMS.AutonomyDegree}
          alwaysOn
        />,
        <DateInput key="r" source="reassessmentDueBefore" alwaysOn />,
        <DateInput key="a" source="assessedFrom" />,
      ]}
    >
      <Datagrid
        {...noBulk}
        rowClick={(_id, _resource, record) => `/recipients/${record.recipientId}/show/social`}
      >
        <FullName source="recipient" label="resources.assessments.fields.recipient" />
        <DateText source="assessedOn" label="resources.assessments.fields.assessedOn" />
        <TextField source="assessor" sortable={false} />
        <NumberField source="score" sortable={false} />
        <EnumText
          source="degree"
          enumName="AutonomyDegree"
          label="resources.assessments.fields.degree"
          sortable={false}
        />
        <DateText source="reassessmentDueOn" label="resources.assessments.fields.reassessmentDueOn" />
      </Datagrid>
    </List>
  );
}

/** All education enrolments, latest start first; each row opens the person's education tab. */
export function EnrolmentList() {
  return (
    <List
      exporter={false}
      actions={<PersonRecordListActions />}
      filters={[
        <EnumInput key="l" source="level" enumName="EducationLevel" values={ENUMS.EducationLevel} alwaysOn />,
        <EnumInput
          key="s"
          source="status"
          enumName="EnrolmentStatus"
          values={ENUMS.EnrolmentStatus}
          alwaysOn
        />,
        <DateInput key="f" source="startedFrom" />,
      ]}
    >
      <Datagrid
        {...noBulk}
        rowClick={(_id, _resource, record) => `/recipients/${record.recipientId}/show/education`}
      >
        <FullName source="recipient" label="resources.enrolments.fields.recipient" />
        <EnumText
          source="level"
          enumName="EducationLevel"
          label="resources.enrolments.fields.level"
          sortable={false}
        />
        <TextField source="organisation" sortable={false} />
        <TextField source="programme" sortable={false} />
        <DateText source="startDate" label="resources.enrolments.fields.startDate" />
        <EnumText
          source="status"
          enumName="EnrolmentStatus"
          label="resources.enrolments.fields.status"
          sortable={false}
        />
      </Datagrid>
    </List>
  );
}

/** All job placements, latest start first; each row opens the person's employment tab. */
export function PlacementList() {
  return (
    <List
      exporter={false}
      actions={<PersonRecordListActions />}
      filters={[
        <ReferenceInput key="e" source="employerId" reference="employers" alwaysOn>
          <AutocompleteInput optionText="name" />
        </ReferenceInput>,
        <EnumInput key="w" source="workKind" enumName="WorkKind" values={ENUMS.WorkKind} />,
        <NullableBooleanInput key="s" source="supported" alwaysOn />,
        <BooleanInput key="c" source="current" alwaysOn />,
      ]}
    >
      <Datagrid
        {...noBulk}
        rowClick={(_id, _resource, record) => `/recipients/${record.recipientId}/show/employment`}
      >
        <FullName source="recipient" label="resources.placements.fields.recipient" />
        <TextField source="employer.name" label="resources.placements.fields.employer" sortable={false} />
        <TextField source="position" sortable={false} />
        <EnumText
          source="workKind"
          enumName="WorkKind"
          label="resources.placements.fields.workKind"
          sortable={false}
        />
        <DateText source="startDate" label="resources.placements.fields.startDate" />
        <DateText source="endDate" label="resources.placements.fields.endDate" />
        <BooleanField source="supported" sortable={false} />
      </Datagrid>
    </List>
  );
}

/** All medical conclusions, newest first (health officers); each row opens the person's health tab. */
export function MedicalConclusionList() {
  return (
    <List
      exporter={false}
      actions={<PersonRecordListActions />}
      filters={[
        <NullableBooleanInput key="c" source="contraindicationsPresent" alwaysOn />,
        <DateInput key="v" source="validUntilBefore" alwaysOn />,
        <DateInput key="i" source="issuedFrom" />,
      ]}
    >
      <Datagrid
        {...noBulk}
        rowClick={(_id, _resource, record) => `/recipients/${record.recipientId}/show/health`}
      >
        <FullName source="recipient" label="resources.medicalConclusions.fields.recipient" />
        <DateText source="issuedOn" label="resources.medicalConclusions.fields.issuedOn" />
        <TextField source="organisation" sortable={false} />
        <BooleanField source="contraindicationsPresent" sortable={false} />
        <DateText source="validUntil" label="resources.medicalConclusions.fields.validUntil" />
      </Datagrid>
    </List>
  );
}

/** Staff visits, latest first: what was planned, whether it took place, its hours; rows open the card. */
export function VisitList() {
  return (
    <List
      exporter={false}
      actions={<PersonRecordListActions />}
      filters={[
        <ReferenceInput key="s" source="staffMemberId" reference="staffMembers" alwaysOn>
          <AutocompleteInput optionText="fullName" />
        </ReferenceInput>,
        <NullableBooleanInput key="d" source="delivered" alwaysOn />,
        <DateInput key="f" source="from" alwaysOn />,
        <DateInput key="t" source="to" alwaysOn />,
      ]}
    >
      <Datagrid
        {...noBulk}
        rowClick={(_id, _resource, record) => `/recipients/${record.recipientId}/show/social`}
      >
        <DateText source="plannedAt" withTime label="resources.visits.fields.plannedAt" />
        <FullName source="recipient" label="resources.visits.fields.recipient" />
        <TextField
          source="staffMember.fullName"
          label="resources.visits.fields.staffMemberId"
          sortable={false}
        />
        <TextField
          source="staffMember.provider.shortName"
          label="resources.visits.fields.provider"
          sortable={false}
        />
        <BooleanField source="delivered" sortable={false} />
        <NumberField source="hoursDelivered" sortable={false} emptyText="—" />
      </Datagrid>
    </List>
  );
}

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
          source="item.reference"
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
