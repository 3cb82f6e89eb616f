package dev.clp.archfixture.unmarked;

/** Not public: needs no marker. */
final class PackagePrivate {
}
