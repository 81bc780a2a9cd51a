// From the registry to the question: a household's recorded damage after an emergency becomes an emergency
// question for the rules engine (Decree 20/2021 Ch. III).
import type { DamageFields, EmergencyFields } from '../../shared/records/emergency';
import type { EmergencyQuestion } from './schema';

const EVENT_TYPE: Record<EmergencyFields['type'], EmergencyQuestion['event']['type']> = {
  storm: 'natural-disaster',
  flood: 'natural-disaster',
  landslide: 'natural-disaster',
  drought: 'natural-disaster',
  fire: 'fire',
  'lean-season': 'lean-season',
  tet: 'tet',
  other: 'force-majeure',
};

export function toEmergencyQuestion(
  event: Pick<EmergencyFields, 'type' | 'date'>,
  damage: DamageFields,
): EmergencyQuestion {
  const deaths = [
    ...Array.from({ length: damage.deaths }, (_, i) => ({
      wasMonthlyBeneficiary: i < damage.deadMonthlyBeneficiaries,
    })),
    ...Array.from({ length: damage.missing }, () => ({ missing: true })),
  ];
  return {
    question: 'emergency',
    event: { type: EVENT_TYPE[event.type], date: event.date },
    household: {
      members: damage.members,
      status: damage.status,
      hungryMembers: Math.min(damage.hungryMembers, damage.members),
      ...(deaths.length ? { deaths } : {}),
      ...(damage.injuredDays.length ? { injured: damage.injuredDays.map((treatmentDays) => ({ treatmentDays })) } : {}),
      house: {
        collapsedSweptAwayOrBurnt: damage.houseLost,
        hasOtherHome: damage.hasOtherHome,
        relocationOrdered: damage.relocationOrdered,
        severelyDamagedUninhabitable: damage.severeDamage,
      },
      ...(damage.childrenWithoutParents
        ? {
            childrenWithoutBothParents: Array.from({ length: damage.childrenWithoutParents }, () => ({
              hasRelatives: false,
            })),
          }
        : {}),
      ...(damage.houseLost && !damage.hasOtherHome ? { lostHomeBasicNeeds: true } : {}),
    },
  };
}
