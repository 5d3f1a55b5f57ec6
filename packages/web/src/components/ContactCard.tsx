import type { Contact } from '@parley/protocol';

const linkClass = 'underline decoration-1 underline-offset-2';

/** A `contact` message's card (docs/api.md § Message): the name, the phone as a `tel:` link, the e-mail as a `mailto:` link. */
export function ContactCard({ contact }: { contact: Contact }) {
  const { name, phone, email } = contact;
  return (
    <div role="group" aria-label="Contact" className="mb-1 rounded-lg bg-black/5 px-2 py-1.5">
      <p aria-hidden="true" className="text-xs font-semibold uppercase tracking-wide opacity-80">
        👤 Contact
      </p>
      <p className="font-medium">{name}</p>
      {phone && (
        <a href={`tel:${phone.replace(/[\s().-]/g, '')}`} className={`block text-xs ${linkClass}`}>
          {phone}
        </a>
      )}
      {email && (
        <a href={`mailto:${email}`} className={`block text-xs ${linkClass}`}>
          {email}
        </a>
      )}
    </div>
  );
}
