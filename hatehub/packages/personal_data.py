"""What packages keep of a case's evidence, for the evidence app's erasure (evidence is below
packages, so it asks here): exhibits name evidence files, and a package's ZIP and PDF are in
the evidence store. Packages hold no personal data of their own beyond those files."""


def references_blob(sha256: str) -> bool:
    from .models import PackageVersion

    return (
        PackageVersion.objects.filter(zip_sha256=sha256).exists()
        or PackageVersion.objects.filter(pdf_sha256=sha256).exists()
    )


def release_evidence(case, files) -> tuple[dict[str, int], set[str]]:
    """Before the case's evidence files go: their exhibits are deleted and the case's packages
    emptied. The counts, and the hashes of the package files (deleted once nothing names them)."""
    from .models import Exhibit, PackageVersion

    counts = {}
    hashes: set[str] = set()
    counts["exhibits"], _ = Exhibit.objects.filter(evidence__in=files).delete()
    Exhibit.objects.filter(case=case).delete()
    packages = list(PackageVersion.objects.filter(case=case))
    for package in packages:
        hashes |= {package.zip_sha256, package.pdf_sha256}
        package.zip_sha256 = package.pdf_sha256 = ""
        package.zip_size = package.pdf_size = 0
        package.snapshot, package.changes = {}, []
        package.save(
            update_fields=[
                "zip_sha256",
                "pdf_sha256",
                "zip_size",
                "pdf_size",
                "snapshot",
                "changes",
            ]
        )
    counts["package_versions_emptied"] = len(packages)
    return counts, hashes
