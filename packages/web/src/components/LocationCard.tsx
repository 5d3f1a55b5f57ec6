import type { Location } from '@parley/protocol';

/** Coordinates shown to 5 decimals (about 1 m), as map links do. */
function degrees(value: number): string {
  return value.toFixed(5);
}

/**
 * A `location` message's place (docs/api.md § Message): its label, its coordinates and a link to OpenStreetMap
 * (`?mlat=…&mlon=…`, a marker at the place) that opens in a new tab without access to this page.
 */
export function LocationCard({ location }: { location: Location }) {
  const { latitude, longitude, label } = location;
  const coordinates = `${degrees(latitude)}, ${degrees(longitude)}`;
  const href = `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=16/${latitude}/${longitude}`;
  return (
    <div role="group" aria-label="Location" className="mb-1 rounded-lg bg-black/5 px-2 py-1.5">
      <p aria-hidden="true" className="text-xs font-semibold uppercase tracking-wide opacity-80">
        📍 Location
      </p>
      {label && <p className="font-medium">{label}</p>}
      <p className="text-xs opacity-80">{coordinates}</p>
      <a href={href} target="_blank" rel="noopener noreferrer" className="text-xs underline decoration-1 underline-offset-2">
        Open in OpenStreetMap
      </a>
    </div>
  );
}
