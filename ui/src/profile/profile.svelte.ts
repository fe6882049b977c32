// Who is using the app: the profile kept in the store. Every change the store records names
// this person; the desk's actions are offered to desk editors.
import type { Profile } from "../bindings";
import { ipc } from "../app/ipc";

class ProfileState {
  current = $state<Profile | null>(null);
  loaded = $state(false);

  async load() {
    try {
      this.current = await ipc.profileGet();
    } finally {
      this.loaded = true;
    }
  }

  async save(profile: Profile) {
    this.current = await ipc.profileSave(profile);
  }

  get isDesk(): boolean {
    return this.current?.role === "desk_editor";
  }

  get isReporter(): boolean {
    return this.current?.role === "reporter";
  }
}

export const profile = new ProfileState();
