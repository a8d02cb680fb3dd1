import { isUuid, type SubgraphDefinition } from '@sl/core';
import { Application, ApplicationDocument } from './application/application.entity.js';
import { ApplicationResolver, RecipientApplicationsResolver } from './application/application.resolver.js';
import { Assessment } from './assessment/assessment.entity.js';
import { AssessmentResolver, RecipientAssessmentsResolver } from './assessment/assessment.resolver.js';
import type { SocialContext } from './common/social-context.js';
import { ConsentEvent } from './consent/consent.entity.js';
import { ConsentResolver, RecipientConsentResolver } from './consent/consent.resolver.js';
import { consentSharing } from './consent/consent.service.js';
import { CorrectionsResolver } from './corrections/corrections.resolver.js';
import { DeadlineResolver } from './deadlines/deadline.resolver.js';
import { socialDemo } from './demo.js';
import { CaseDocument } from './document/case-document.entity.js';
import {
  ApplicationDocumentFilesResolver,
  CaseDocumentResolver,
  RecipientDocumentsResolver,
} from './document/case-document.resolver.js';
import {
  HousingOccupancyResolver,
  HousingUnitResolver,
  RecipientHousingResolver,
} from './housing/housing.resolver.js';
import { HousingOccupancy } from './housing/housing-occupancy.entity.js';
import { HousingUnit } from './housing/housing-unit.entity.js';
import { createSocialIndicatorLoaders } from './indicators/indicators.loaders.js';
import { SocialIndicators } from './indicators/indicators.model.js';
import { SocialIndicatorsResolver } from './indicators/indicators.resolver.js';
import { DecisionNotice } from './informing/decision-notice.entity.js';
import { ApplicationNoticesResolver, DecisionNoticeResolver } from './informing/decision-notice.resolver.js';
import { InteragencyAnswer } from './interagency/interagency-answer.entity.js';
import {
  InteragencyAnswersResolver,
  RecipientContraindicationResolver,
} from './interagency/interagency-answer.resolver.js';
import { InteragencyRequest } from './interagency/interagency-request.entity.js';
import {
  InteragencyRequestResolver,
  RecipientInteragencyResolver,
} from './interagency/interagency-request.resolver.js';
import { createSocialLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { Provider } from './provider/provider.entity.js';
import { ProviderResolver } from './provider/provider.resolver.js';
import { ProviderService } from './provider/provider.service.js';
import { Recipient } from './recipient/recipient.entity.js';
import { recipientReference } from './recipient/recipient.reference.js';
import { RecipientResolver } from './recipient/recipient.resolver.js';
import { recipientScope } from './recipient/recipient.scope.js';
import { RecipientNameResolver } from './recipient/recipient-name.resolver.js';
import { RehabilitationRoute, RouteGoal } from './services/rehabilitation-route.entity.js';
import { ServicePlan } from './services/service-plan.entity.js';
import {
  RecipientServicesResolver,
  RehabilitationRouteResolver,
  ServicePlanResolver,
  StaffMemberResolver,
  TeamAssignmentResolver,
  VisitResolver,
} from './services/services.resolver.js';
import { StaffMember } from './services/staff-member.entity.js';
import { TeamAssignment } from './services/team-assignment.entity.js';
import { Visit } from './services/visit.entity.js';
import { ReadinessReview } from './stage/readiness-review.entity.js';
import { Stage } from './stage/stage.entity.js';
import {
  ReadinessReviewDueResolver,
  RecipientStagesResolver,
  StageResolver,
} from './stage/stage.resolver.js';
import { Termination } from './termination/termination.entity.js';
import { RecipientTerminationsResolver, TerminationResolver } from './termination/termination.resolver.js';
import { RecipientTimelineResolver } from './timeline/timeline.resolver.js';

/** The authorised body's subgraph: the person, the case from application to termination. */
export const socialSubgraph: SubgraphDefinition = {
  name: 'social',
  entities: [
    Recipient,
    Application,
    ApplicationDocument,
    Assessment,
    InteragencyRequest,
    InteragencyAnswer,
    Provider,
    HousingUnit,
    HousingOccupancy,
    StaffMember,
    TeamAssignment,
    RehabilitationRoute,
    RouteGoal,
    ServicePlan,
    Visit,
    Stage,
    ReadinessReview,
    Termination,
    ConsentEvent,
    CaseDocument,
    DecisionNotice,
  ],
  migrations,
  resolvers: [
    RecipientResolver,
    RecipientNameResolver,
    ApplicationResolver,
    RecipientApplicationsResolver,
    AssessmentResolver,
    RecipientAssessmentsResolver,
    CorrectionsResolver,
    InteragencyRequestResolver,
    RecipientInteragencyResolver,
    InteragencyAnswersResolver,
    RecipientContraindicationResolver,
    DeadlineResolver,
    ProviderResolver,
    HousingUnitResolver,
    HousingOccupancyResolver,
    RecipientHousingResolver,
    StaffMemberResolver,
    RehabilitationRouteResolver,
    ServicePlanResolver,
    TeamAssignmentResolver,
    VisitResolver,
    RecipientServicesResolver,
    RecipientStagesResolver,
    StageResolver,
    ReadinessReviewDueResolver,
    TerminationResolver,
    RecipientTerminationsResolver,
    SocialIndicatorsResolver,
    ConsentResolver,
    RecipientConsentResolver,
    CaseDocumentResolver,
    RecipientDocumentsResolver,
    ApplicationDocumentFilesResolver,
    DecisionNoticeResolver,
    ApplicationNoticesResolver,
    RecipientTimelineResolver,
  ],
  orphanedTypes: [SocialIndicators],
  referenceResolvers: {
    Recipient: recipientReference,
    InteragencyRequest: {
      __resolveReference: (reference: { id?: unknown }, ctx) =>
        isUuid(reference.id)
          ? (ctx as SocialContext).loaders.interagencyRequestById.load(reference.id)
          : null,
    },
  },
  createLoaders: (em) => ({ ...createSocialLoaders(em), indicators: createSocialIndicatorLoaders(em) }),
  scope: recipientScope,
  sharing: consentSharing,
  demo: socialDemo,
  seedReference: async (em, region) => {
    await ProviderService.seedRegistry(em, region);
  },
};
