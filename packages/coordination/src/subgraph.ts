import type { SubgraphDefinition } from '@sl/core';
import { Agency } from './agency/agency.entity.js';
import { AgencyResolver } from './agency/agency.resolver.js';
import { AgencyService } from './agency/agency.service.js';
import { CouncilDecision, CouncilMeeting } from './council/council.entity.js';
import { CouncilDecisionResolver, CouncilMeetingResolver } from './council/council.resolver.js';
import { CouncilDecisionPerson } from './council/decision-person.entity.js';
import { DecisionReport } from './council/decision-report.entity.js';
import { DecisionReportResolver, DecisionTrackingResolver } from './council/decision-report.resolver.js';
import { coordinationDemo } from './demo.js';
import { IndicatorsResolver } from './indicators/indicators.resolver.js';
import { createCoordinationLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { NeedRegistryEntry } from './need-registry/need-registry.entity.js';
import { Recipient, RecipientCoordinationResolver } from './need-registry/need-registry.resolver.js';
import {
  DecisionReferenceResolver,
  ItemReferenceResolver,
  MeetingQueryResolver,
} from './numbering/numbering.resolver.js';
import { EvidenceFile, Obligation, ProgressReport } from './obligation/obligation.entity.js';
import {
  EvidenceFileResolver,
  ObligationResolver,
  ProgressReportResolver,
} from './obligation/obligation.resolver.js';
import { ItemExecutor, Roadmap, RoadmapItem, RoadmapSection } from './roadmap/roadmap.entity.js';
import { ItemExecutorResolver, RoadmapItemResolver, RoadmapResolver } from './roadmap/roadmap.resolver.js';

export const coordinationSubgraph: SubgraphDefinition = {
  name: 'coordination',
  entities: [
    NeedRegistryEntry,
    Agency,
    Roadmap,
    RoadmapSection,
    RoadmapItem,
    ItemExecutor,
    Obligation,
    ProgressReport,
    EvidenceFile,
    CouncilMeeting,
    CouncilDecision,
    CouncilDecisionPerson,
    DecisionReport,
  ],
  migrations,
  resolvers: [
    RecipientCoordinationResolver,
    AgencyResolver,
    RoadmapResolver,
    RoadmapItemResolver,
    ItemExecutorResolver,
    ObligationResolver,
    ProgressReportResolver,
    EvidenceFileResolver,
    CouncilMeetingResolver,
    CouncilDecisionResolver,
    DecisionTrackingResolver,
    DecisionReportResolver,
    IndicatorsResolver,
    ItemReferenceResolver,
    DecisionReferenceResolver,
    MeetingQueryResolver,
  ],
  orphanedTypes: [Recipient],
  createLoaders: createCoordinationLoaders,
  seedReference: async (em) => {
    await new AgencyService(em).loadDirectory();
  },
  demo: coordinationDemo,
};
