//! Who is acting on this machine (`newsroom-profile`).

use crate::{Api, ApiResult, Language, Profile};

impl Api {
    /// The profile, or none before the person has given one (the app asks on first run).
    pub fn profile_get(&self) -> ApiResult<Option<Profile>> {
        Ok(newsroom_profile::get(&*self.conn()?)?)
    }

    /// The name a connected WordPress site knows this user by, to offer for the profile.
    pub fn profile_offered_name(&self) -> ApiResult<Option<String>> {
        Ok(newsroom_profile::offered_name(&*self.conn()?)?)
    }

    pub fn profile_save(&self, profile: &Profile) -> ApiResult<Profile> {
        Ok(newsroom_profile::save(&*self.conn()?, profile)?)
    }

    /// The interface's language as last chosen, read by the shell before its window opens.
    pub fn language_get(&self) -> ApiResult<Language> {
        Ok(newsroom_profile::language(&*self.conn()?)?)
    }

    pub fn language_save(&self, language: Language) -> ApiResult<()> {
        Ok(newsroom_profile::save_language(&*self.conn()?, language)?)
    }
}
