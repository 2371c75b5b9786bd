/// The tab-separated tables that `Scripts/build-gazetteers.py` generates into `Generated/`.
///
/// They live in Swift source rather than resource files so that an installed binary carries them.
enum GazetteerTables {}
