/**
 * The unit registry in the app: a unit's page says where it went on 1 July 2025 and under which
 * clause, and offers the other unit of the same code; old links with the local DP2025 codes open the
 * official units.
 */
import { mkdirSync } from 'node:fs';
import { chartsReady, expect, test } from './fixtures';

const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

test('the old 21439 and the new 21439 are two units, each with its clause', async ({ page }) => {
	await page.goto('/units/21439');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Nguyễn Nghiêm');
	const origin = page.getByTestId('unit-origin');
	await expect(origin.getByTestId('origin-line')).toHaveCount(1);
	await expect(origin.getByTestId('origin-line')).toHaveText(
		'Toàn bộ nhập vào Đức Phổ — Theo Nghị quyết 1677/NQ-UBTVQH15, khoản 86'
	);
	await expect(origin.getByTestId('origin-clause')).toHaveText('Theo Nghị quyết 1677/NQ-UBTVQH15, khoản 86');
	const other = page.getByTestId('same-code').getByRole('link', { name: 'Đức Phổ' });
	await expect(other).toHaveAttribute('href', '/units/21439@2025-07-01');
	await chartsReady(page, 1);
	await page.screenshot({ path: `${SHOTS}/registry-unit-1366.png` });

	await other.click();
	await expect(page).toHaveURL(/\/units\/21439@2025-07-01$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Đức Phổ');
	await expect(page.getByTestId('origin-line')).toHaveCount(5);
	await expect(page.getByTestId('origin-line').first()).toContainText('Hình thành từ');
	await expect(page.getByTestId('same-code')).toContainText('Nguyễn Nghiêm');
});

test('links with the local DP2025 codes open the official units', async ({ page }) => {
	await page.goto('/units/DP2025-03');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Xã Nguyễn Nghiêm');
	await expect(page.getByTestId('origin-line')).toHaveCount(2);
	await expect(page.getByTestId('origin-clause').first()).toHaveText(
		'Theo Nghị quyết 1677/NQ-UBTVQH15, khoản 3'
	);
});
