import { registerEnumType } from 'type-graphql';

/** Forms of social service (442-ФЗ art. 19), as the Murmansk list of providers names them. */
export enum ServiceForm {
  STATIONARY = 'STATIONARY',
  SEMI_STATIONARY = 'SEMI_STATIONARY',
  HOME_BASED = 'HOME_BASED',
}
registerEnumType(ServiceForm, {
  name: 'ServiceForm',
  description: 'Form of social service: stationary, semi-stationary, home-based',
});
