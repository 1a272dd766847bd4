"""Administrators manage staff accounts here: roles, forces, organisations, SPoC accreditation,
and resetting a lost second factor (deleting the user's authenticator device)."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import Organisation, User


@admin.register(User)
class HubUserAdmin(UserAdmin):
    list_display = ("username", "get_full_name", "role", "force", "organisation", "is_active")
    list_filter = ("role", "force", "is_active", "spoc_accredited")
    fieldsets = (
        *UserAdmin.fieldsets,
        ("Hub role", {"fields": ("role", "force", "organisation", "spoc_accredited")}),
    )
    add_fieldsets = (
        *UserAdmin.add_fieldsets,
        ("Hub role", {"fields": ("role", "force", "organisation", "spoc_accredited")}),
    )


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "contact_email", "is_active")


# django-otp's own admin shows a device's secret as a QR code; ours lists devices so that an
# administrator can delete a lost one (the user then sets up a new app at next sign-in).
if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)


@admin.register(TOTPDevice)
class AuthenticatorAdmin(admin.ModelAdmin):
    list_display = ("user", "name", "confirmed", "last_used_at")
    fields = ("user", "name", "confirmed")
    readonly_fields = ("user", "name", "confirmed")

    def has_add_permission(self, request) -> bool:
        return False
