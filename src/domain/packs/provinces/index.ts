// Registry of provincial packs, by id. Add a province by writing its pack file and listing it here.
import type { ProvincialPack } from '../pack';
import { HA_NOI_PACK } from './ha-noi';
import { QUANG_NGAI_PACK } from './quang-ngai';

export const PROVINCIAL_PACKS: Readonly<Record<string, ProvincialPack>> = {
  [QUANG_NGAI_PACK.id]: QUANG_NGAI_PACK,
  [HA_NOI_PACK.id]: HA_NOI_PACK,
};

export const DEFAULT_PROVINCE = QUANG_NGAI_PACK.id;
