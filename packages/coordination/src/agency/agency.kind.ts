import { registerEnumType } from 'type-graphql';

export enum AgencyKind {
  GOVERNMENT = 'GOVERNMENT',
  MINISTRY = 'MINISTRY',
  AGENCY = 'AGENCY',
  INSTITUTION = 'INSTITUTION',
  MUNICIPALITY = 'MUNICIPALITY',
  NGO = 'NGO',
  FEDERAL = 'FEDERAL',
  COUNCIL = 'COUNCIL',
}
registerEnumType(AgencyKind, {
  name: 'AgencyKind',
  description:
    'Regional government, ministry, agency, institution(s), municipalities, NGOs, federal body, council',
});
