<?php
// Installs WordPress into the private database and prints an Application Password for the
// admin user, the way the publishing tests sign in. Run by scripts/wordpress with php-cli.
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = getenv('WP_HOST_PORT');
$_SERVER['REQUEST_URI'] = '/';
require getenv('WP_SITE') . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-includes/class-wp-application-passwords.php';
if (!is_blog_installed()) {
    wp_install('Tòa soạn thử nghiệm', getenv('WP_ADMIN_USER'), 'admin@example.invalid', false, '', getenv('WP_ADMIN_PASSWORD'));
}
update_option('permalink_structure', '/%postname%/');
$user = get_user_by('login', getenv('WP_ADMIN_USER'));
WP_Application_Passwords::delete_all_application_passwords($user->ID);
[$password] = WP_Application_Passwords::create_new_application_password($user->ID, ['name' => 'newsroom-tests']);
echo $password, "\n";
