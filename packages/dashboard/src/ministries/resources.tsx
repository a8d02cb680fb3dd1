import { Resource } from 'react-admin';
import { granted } from '../auth/authProvider';
import type { ResourceSpec } from '../data/resource-spec';
import {
  EmploymentSupportCreate,
  EnrolmentEndCreate,
  IpraWorkKindsCreate,
  MobileTeamVisitCreate,
  PlacementEndCreate,
  RehabilitationEpisodeCreate,
} from './forms';

/** A form that records one thing (the graph's `input`), then goes back to the person's card. */
const recorded = (mutation: string, input: string, fields: string[], selection: string): ResourceSpec => ({
  list: '',
  fields: selection,
  create: { mutation, input, fields },
});

/** The ministries' actions on a person: each a create form the card's tabs open (registry entries). */
export const ministryRegistry: Record<string, ResourceSpec> = {
  rehabilitationEpisodes: recorded(
    'recordRehabilitationEpisode',
    'RecordRehabilitationEpisodeInput',
    ['recipientId', 'setting', 'organisation', 'condition', 'startDate', 'endDate'],
    'id recipientId setting organisation startDate endDate',
  ),
  mobileTeamVisits: recorded(
    'recordMobileTeamVisit',
    'RecordMobileTeamVisitInput',
    ['recipientId', 'visitedOn', 'team', 'help'],
    'id recipientId visitedOn team help',
  ),
  enrolmentEnds: recorded(
    'finishEnrolment',
    'FinishEnrolmentInput',
    ['enrolmentId', 'endDate', 'completed'],
    'id recipientId status endDate',
  ),
  ipraWorkKinds: {
    ...recorded(
      'recordIpraWorkKinds',
      'RecordIpraWorkKindsInput',
      ['recipientId', 'ipraNumber', 'ipraIssuedOn', 'recommended', 'forbidden'],
      'id recipientId workKind verdict',
    ),
    // The answer is the person's whole list of recommendations; the form goes back to the person.
    idOf: (node) => String(node.recipientId),
  },
  placementEnds: recorded(
    'endPlacement',
    'EndPlacementInput',
    ['placementId', 'endDate'],
    'id recipientId endDate',
  ),
  employmentSupports: recorded(
    'recordEmploymentSupport',
    'RecordEmploymentSupportInput',
    ['recipientId', 'kind', 'programme', 'startDate', 'endDate'],
    'id recipientId kind startDate endDate',
  ),
};

/** The routes of those forms, for the roles that may send them. */
export function ministryResources(roles: string[]) {
  return [
    granted(roles, 'HEALTH_WRITE') && (
      <Resource
        key="rehabilitationEpisodes"
        name="rehabilitationEpisodes"
        create={RehabilitationEpisodeCreate}
      />
    ),
    granted(roles, 'HEALTH_WRITE') && (
      <Resource key="mobileTeamVisits" name="mobileTeamVisits" create={MobileTeamVisitCreate} />
    ),
    granted(roles, 'EDUCATION_WRITE') && (
      <Resource key="enrolmentEnds" name="enrolmentEnds" create={EnrolmentEndCreate} />
    ),
    granted(roles, 'EMPLOYMENT_WRITE') && (
      <Resource key="ipraWorkKinds" name="ipraWorkKinds" create={IpraWorkKindsCreate} />
    ),
    granted(roles, 'EMPLOYMENT_WRITE') && (
      <Resource key="placementEnds" name="placementEnds" create={PlacementEndCreate} />
    ),
    granted(roles, 'EMPLOYMENT_WRITE') && (
      <Resource key="employmentSupports" name="employmentSupports" create={EmploymentSupportCreate} />
    ),
  ];
}
