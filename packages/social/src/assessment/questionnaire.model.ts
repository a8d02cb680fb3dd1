import { Field, Int, ObjectType } from 'type-graphql';
import { AutonomyDegree } from '../recipient/recipient.enums.js';
import { itemPoints, type RuleSet } from '../rules/rule-set.js';
import { HoursPer, ServiceRecommendation } from './assessment.entity.js';

@ObjectType({ description: 'A question of the assessment questionnaire and the points of each answer' })
export class QuestionnaireItemModel {
  @Field(() => String)
  code!: string;

  @Field(() => String, { description: 'Life category (seed 002 §2)' })
  category!: string;

  @Field(() => String)
  text!: string;

  @Field(() => [Int], { description: 'Points of each level of help, from "alone" up' })
  points!: number[];
}

@ObjectType({ description: 'A degree of the region’s bands and the service it gives (001 §9, §9.1)' })
export class QuestionnaireBand {
  @Field(() => AutonomyDegree)
  degree!: AutonomyDegree;

  @Field(() => Int)
  minScore!: number;

  @Field(() => Int)
  maxScore!: number;

  @Field(() => ServiceRecommendation)
  service!: ServiceRecommendation;
}

@ObjectType({ description: 'The assessment questionnaire (order 606н) with the region’s score bands' })
export class AssessmentQuestionnaire {
  @Field(() => String)
  source!: string;

  @Field(() => [String], { description: 'The levels of help every item offers, from "alone" up' })
  levels!: string[];

  @Field(() => [QuestionnaireItemModel])
  items!: QuestionnaireItemModel[];

  @Field(() => [QuestionnaireBand])
  bands!: QuestionnaireBand[];

  static of(rules: RuleSet): AssessmentQuestionnaire {
    const { questionnaire, degrees, serviceTypeByDegree, serviceTypes } = rules.data;
    return {
      source: questionnaire.source,
      levels: questionnaire.levels,
      items: questionnaire.items.map((i) => ({
        code: i.code,
        category: i.category,
        text: i.text,
        points: questionnaire.levels.map((_, level) => itemPoints(i, level)),
      })),
      bands: degrees.map((d) => {
        const service = serviceTypes.find((t) => t.code === serviceTypeByDegree[d.degree])!;
        return {
          degree: d.degree as AutonomyDegree,
          minScore: d.minScore,
          maxScore: d.maxScore,
          service: { ...service, hours: { ...service.hours, per: service.hours.per as HoursPer } },
        };
      }),
    };
  }
}
