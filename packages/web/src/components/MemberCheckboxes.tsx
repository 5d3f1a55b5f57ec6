import type { Participant } from '@parley/protocol';

/** The people offered, who is picked, and the group's name. */
export interface MemberCheckboxesProps {
  /** The fieldset's legend, which names the group ("Members", "Invitees"). */
  legend: string;
  members: readonly Participant[];
  picked: ReadonlySet<string>;
  /** Called with the new set of picked user ids after each click. */
  onChange: (picked: ReadonlySet<string>) => void;
}

/** A fieldset of one checkbox per person, named by the person (dialogs "New group" and "Schedule a meeting"). */
export function MemberCheckboxes({ legend, members, picked, onChange }: MemberCheckboxesProps) {
  const toggle = (userId: string) => {
    const next = new Set(picked);
    if (!next.delete(userId)) next.add(userId);
    onChange(next);
  };
  return (
    <fieldset className="min-h-0 overflow-y-auto text-sm">
      <legend className="mb-1 font-medium">{legend}</legend>
      {members.map((member) => (
        <label key={member.userId} className="flex items-center gap-2 py-0.5">
          <input type="checkbox" checked={picked.has(member.userId)} onChange={() => toggle(member.userId)} />
          {member.name}
        </label>
      ))}
    </fieldset>
  );
}
