import { registerEnumType } from 'type-graphql';

/** Members of the multidisciplinary team (seed 002 §13). */
export enum StaffRole {
  /** Social worker, for people served at home. */
  SOCIAL_WORKER = 'SOCIAL_WORKER',
  SOCIAL_WORK_SPECIALIST = 'SOCIAL_WORK_SPECIALIST',
  REHABILITATION_SPECIALIST = 'REHABILITATION_SPECIALIST',
  PSYCHOLOGIST = 'PSYCHOLOGIST',
  /** "When needed": medical staff, work instructors, other specialists. */
  MEDICAL_WORKER = 'MEDICAL_WORKER',
  WORK_INSTRUCTOR = 'WORK_INSTRUCTOR',
  OTHER_SPECIALIST = 'OTHER_SPECIALIST',
}
registerEnumType(StaffRole, {
  name: 'StaffRole',
  description: 'Role in the multidisciplinary team (002 §13)',
});

export enum GoalStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  ACHIEVED = 'ACHIEVED',
  NOT_ACHIEVED = 'NOT_ACHIEVED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(GoalStatus, {
  name: 'GoalStatus',
  description: 'Status of a goal of the rehabilitation route',
});
