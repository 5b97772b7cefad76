//! Links into the forge that holds the site's repository: edit a file, a file's history, a
//! commit. One pattern set per forge; `repository.url` is the project's web address.

use serde::Deserialize;

use crate::slug::encode_path;

/// The forges whose web addresses handbok knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Forge {
    Gitlab,
    Github,
    /// Gitea and Forgejo.
    Gitea,
    /// Azure DevOps Repos.
    Azure,
}

impl Forge {
    pub const NAMES: &'static [&'static str] = &["gitlab", "github", "gitea", "azure"];

    /// The forge a web address belongs to, when its host says so: github.com, Azure DevOps
    /// (`dev.azure.com`, `*.visualstudio.com`), codeberg.org (Forgejo), else GitLab (the
    /// forge most public bodies host themselves).
    pub fn guess(url: &str) -> Forge {
        let host = url
            .split_once("://")
            .map_or(url, |(_, rest)| rest)
            .split(['/', ':', '?', '#'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        if host == "github.com" || host.ends_with(".github.com") {
            Forge::Github
        } else if host == "dev.azure.com" || host.ends_with(".visualstudio.com") {
            Forge::Azure
        } else if host == "codeberg.org"
            || host.starts_with("gitea.")
            || host.starts_with("forgejo.")
        {
            Forge::Gitea
        } else {
            Forge::Gitlab
        }
    }
}

/// The forge, the project's web address (no trailing `/`) and the branch pages are
/// published from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repository {
    pub forge: Forge,
    pub url: String,
    pub branch: String,
}

impl Repository {
    /// Where an editor changes the file at `path` (relative to the repository's top).
    pub fn edit_url(&self, path: &str) -> String {
        let (u, b, p) = (&self.url, encode_path(&self.branch), encode_path(path));
        match self.forge {
            Forge::Gitlab => format!("{u}/-/edit/{b}/{p}"),
            Forge::Github => format!("{u}/edit/{b}/{p}"),
            Forge::Gitea => format!("{u}/_edit/{b}/{p}"),
            Forge::Azure => format!("{u}?path=/{p}&version=GB{b}&_a=contents"),
        }
    }

    /// The list of commits that changed the file at `path`.
    pub fn history_url(&self, path: &str) -> String {
        let (u, b, p) = (&self.url, encode_path(&self.branch), encode_path(path));
        match self.forge {
            Forge::Gitlab => format!("{u}/-/commits/{b}/{p}"),
            Forge::Github => format!("{u}/commits/{b}/{p}"),
            Forge::Gitea => format!("{u}/commits/branch/{b}/{p}"),
            Forge::Azure => format!("{u}?path=/{p}&version=GB{b}&_a=history"),
        }
    }

    /// One commit, with its changes.
    pub fn commit_url(&self, id: &str) -> String {
        let u = &self.url;
        match self.forge {
            Forge::Gitlab => format!("{u}/-/commit/{id}"),
            Forge::Github | Forge::Gitea | Forge::Azure => format!("{u}/commit/{id}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repo(forge: Forge, url: &str) -> Repository {
        Repository {
            forge,
            url: url.to_string(),
            branch: "main".to_string(),
        }
    }

    #[test]
    fn every_forge_links_edit_history_and_commit() {
        let path = "content/styrgrupp/anvisning för möten.md";
        let cases = [
            (
                repo(Forge::Gitlab, "https://git.kommun.se/hb/handbok"),
                "https://git.kommun.se/hb/handbok/-/edit/main/content/styrgrupp/anvisning%20f%C3%B6r%20m%C3%B6ten.md",
                "https://git.kommun.se/hb/handbok/-/commits/main/content/styrgrupp/anvisning%20f%C3%B6r%20m%C3%B6ten.md",
                "https://git.kommun.se/hb/handbok/-/commit/abc123",
            ),
            (
                repo(Forge::Github, "https://github.com/kommun/handbok"),
                "https://github.com/kommun/handbok/edit/main/content/styrgrupp/anvisning%20f%C3%B6r%20m%C3%B6ten.md",
                "https://github.com/kommun/handbok/commits/main/content/styrgrupp/anvisning%20f%C3%B6r%20m%C3%B6ten.md",
                "https://github.com/kommun/handbok/commit/abc123",
            ),
            (
                repo(Forge::Gitea, "https://codeberg.org/kommun/handbok"),
                "https://codeberg.org/kommun/handbok/_edit/main/content/styrgrupp/anvisning%20f%C3%B6r%20m%C3%B6ten.md",
                "https://codeberg.org/kommun/handbok/commits/branch/main/content/styrgrupp/anvisning%20f%C3%B6r%20m%C3%B6ten.md",
                "https://codeberg.org/kommun/handbok/commit/abc123",
            ),
            (
                repo(Forge::Azure, "https://dev.azure.com/kommun/hallbarhet/_git/handbok"),
                "https://dev.azure.com/kommun/hallbarhet/_git/handbok?path=/content/styrgrupp/anvisning%20f%C3%B6r%20m%C3%B6ten.md&version=GBmain&_a=contents",
                "https://dev.azure.com/kommun/hallbarhet/_git/handbok?path=/content/styrgrupp/anvisning%20f%C3%B6r%20m%C3%B6ten.md&version=GBmain&_a=history",
                "https://dev.azure.com/kommun/hallbarhet/_git/handbok/commit/abc123",
            ),
        ];
        for (r, edit, history, commit) in cases {
            assert_eq!(r.edit_url(path), edit);
            assert_eq!(r.history_url(path), history);
            assert_eq!(r.commit_url("abc123"), commit);
        }
    }

    #[test]
    fn the_forge_is_guessed_from_the_host() {
        assert_eq!(Forge::guess("https://github.com/a/b"), Forge::Github);
        assert_eq!(
            Forge::guess("https://dev.azure.com/o/p/_git/r"),
            Forge::Azure
        );
        assert_eq!(
            Forge::guess("https://kommun.visualstudio.com/p/_git/r"),
            Forge::Azure
        );
        assert_eq!(Forge::guess("https://codeberg.org/a/b"), Forge::Gitea);
        assert_eq!(Forge::guess("https://git.kommun.se/a/b"), Forge::Gitlab);
        assert_eq!(Forge::guess("https://GitHub.com/a/b"), Forge::Github);
    }
}
