/**
 * @module The 54 ethnic groups of Vietnam (danh mục các dân tộc Việt Nam, General Statistics Office), in the
 * official order. Codes are the GSO's two-digit codes.
 */
export const ETHNIC_GROUPS = [
  ['01', 'Kinh'], ['02', 'Tày'], ['03', 'Thái'], ['04', 'Hoa'], ['05', 'Khơ-me'], ['06', 'Mường'], ['07', 'Nùng'],
  ['08', 'Hmông'], ['09', 'Dao'], ['10', 'Gia-rai'], ['11', 'Ngái'], ['12', 'Ê-đê'], ['13', 'Ba-na'], ['14', 'Xơ-đăng'],
  ['15', 'Sán Chay'], ['16', 'Cơ-ho'], ['17', 'Chăm'], ['18', 'Sán Dìu'], ['19', 'Hrê'], ['20', 'Mnông'], ['21', 'Ra-glai'],
  ['22', 'Xtiêng'], ['23', 'Bru-Vân Kiều'], ['24', 'Thổ'], ['25', 'Giáy'], ['26', 'Cơ-tu'], ['27', 'Gié-Triêng'], ['28', 'Mạ'],
  ['29', 'Khơ-mú'], ['30', 'Co'], ['31', 'Tà-ôi'], ['32', 'Chơ-ro'], ['33', 'Kháng'], ['34', 'Xinh-mun'], ['35', 'Hà Nhì'],
  ['36', 'Chu-ru'], ['37', 'Lào'], ['38', 'La Chí'], ['39', 'La Ha'], ['40', 'Phù Lá'], ['41', 'La Hủ'], ['42', 'Lự'],
  ['43', 'Lô Lô'], ['44', 'Chứt'], ['45', 'Mảng'], ['46', 'Pà Thẻn'], ['47', 'Cơ Lao'], ['48', 'Cống'], ['49', 'Bố Y'],
  ['50', 'Si La'], ['51', 'Pu Péo'], ['52', 'Brâu'], ['53', 'Ơ Đu'], ['54', 'Rơ-măm'],
] as const satisfies readonly (readonly [string, string])[];

export type EthnicGroupCode = (typeof ETHNIC_GROUPS)[number][0];
export const ETHNIC_GROUP_CODES = ETHNIC_GROUPS.map(([code]) => code) as [EthnicGroupCode, ...EthnicGroupCode[]];
export const ethnicGroupName = (code: string): string => ETHNIC_GROUPS.find(([c]) => c === code)?.[1] ?? code;
