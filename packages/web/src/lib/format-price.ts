/**
 * Formats an amount in minor units (contract § Marketplace flow: `price` is an integer in cents) with its
 * ISO 4217 currency, using the currency's own number of fraction digits (2 for EUR, 0 for JPY, 3 for KWD)
 * as `Intl.NumberFormat` resolves it. An unknown currency code falls back to "amount CODE".
 */
export function formatPrice(minorUnits: number, currency: string, locale?: string): string {
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  } catch {
    return `${(minorUnits / 100).toFixed(2)} ${currency}`;
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minorUnits / 10 ** digits);
}
