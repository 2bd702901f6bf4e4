/**
 * What the stored data is, in a few characters: the number of observations, indicators and units and
 * a hash over every row of the three tables. Two stores that hold the same figures, dictionary and
 * unit list give the same fingerprint, whatever order the rows came in; any change of a figure, a
 * qualifier, a name or a formula gives another. Answers kept from an earlier visit are current only
 * when their fingerprint is this one.
 */
import type { Queryable } from './queries';

export async function dataFingerprint(db: Queryable): Promise<string> {
	const [row] = await db.query<{ n: number; i: number; u: number; h: string }>(
		`SELECT
			(SELECT count(*) FROM observations)::DOUBLE AS n,
			(SELECT count(*) FROM indicators)::DOUBLE AS i,
			(SELECT count(*) FROM units)::DOUBLE AS u,
			hash(
				(SELECT coalesce(bit_xor(hash(o.unit, o.period, o.indicator, o.value, o.qualifier, o.note)), 0) FROM observations o),
				(SELECT coalesce(bit_xor(hash(d)), 0) FROM indicators d),
				(SELECT coalesce(bit_xor(hash(x)), 0) FROM units x)
			)::VARCHAR AS h`
	);
	return `${row.n}.${row.i}.${row.u}.${BigInt(row.h).toString(36)}`;
}
